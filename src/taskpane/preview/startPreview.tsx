// Loaded only outside Office (its own webpack chunk): the headless host and ExcelJS come with it.
import type { Root } from "react-dom/client";
import { FluentProvider } from "@fluentui/react-components";
import { pickTheme } from "../theme";
import { PreviewApp } from "./PreviewApp";
import { ErrorBoundary } from "../ErrorBoundary";

export function startPreview(root: Root): void {
  root.render(
    <FluentProvider theme={pickTheme()}>
      <ErrorBoundary>
        <PreviewApp />
      </ErrorBoundary>
    </FluentProvider>,
  );
}
