// How the pane reaches a workbook: Excel.run inside Excel, wb.run on the headless host in the preview.
// Every src/excel function takes the RequestContext a runner hands its batch.

export interface RunnerOptions {
  /**
   * Wait while the user is typing in a cell instead of failing (Excel.RunOptions.delayForCellEdit, ExcelApi 1.11;
   * office-js-docs-pr docs/excel/excel-add-ins-delay-in-cell-edit.md): for what the pane does on its own.
   */
  delayForCellEdit?: boolean;
}

export type Runner = <T>(batch: (context: Excel.RequestContext) => Promise<T>, options?: RunnerOptions) => Promise<T>;
