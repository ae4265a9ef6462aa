// Loaded only outside Office (its own webpack chunk): the headless host and ExcelJS come with it.
import type { Root } from "react-dom/client";
import { FluentProvider } from "@fluentui/react-components";
import { pickTheme } from "../theme";
import { PreviewApp } from "./PreviewApp";
import { ErrorBoundary } from "../ErrorBoundary";
import type { Recognise } from "../../excel/scanWorkbook";

export function startPreview(root: Root, recognise?: Recognise): void {
  root.render(
    <FluentProvider theme={pickTheme()}>
      <ErrorBoundary>
        <PreviewApp recognise={recognise} />
      </ErrorBoundary>
    </FluentProvider>,
  );
}
