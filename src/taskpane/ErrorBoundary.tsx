// A fault in the pane's own rendering shows a plain message instead of a blank pane.
import { Component, type ReactNode } from "react";
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";

export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: string | null }> {
  override state = { failed: null as string | null };

  static getDerivedStateFromError(e: unknown) {
    return { failed: e instanceof Error ? e.message : String(e) };
  }

  override render() {
    if (this.state.failed === null) return this.props.children;
    return (
      <MessageBar intent="error" role="alert">
        <MessageBarBody>
          <MessageBarTitle>KPI Scorecard stopped working</MessageBarTitle>
          Close and reopen the pane; your workbook was not changed by this fault. Details: {this.state.failed}
        </MessageBarBody>
      </MessageBar>
    );
  }
}
