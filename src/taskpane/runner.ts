// How the pane reaches a workbook: Excel.run inside Excel, wb.run on the headless host in the preview.
// Every src/excel function takes the RequestContext a runner hands its batch.

export type Runner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
