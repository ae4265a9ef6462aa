// Deployment truths: the deployable build needs the address it will be served from (ADDIN_PROD_URL) and
// fails without it, rather than point the manifest at a domain nobody here controls; the preview's build
// (npm run build, the e2e tests) emits no manifest.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require("../webpack.config.js") as (env: Record<string, unknown>, options: { mode: string }) => Promise<{ plugins: { patterns?: { from: string; transform?: (c: Buffer) => Buffer }[] }[] }>;

const manifestPattern = async (env: Record<string, unknown>) => {
  const c = await config(env, { mode: "production" });
  return c.plugins.flatMap((p) => p.patterns ?? []).find((p) => p.from === "manifest*.xml");
};

describe("the deployable build", () => {
  const saved = process.env.ADDIN_PROD_URL;
  afterEach(() => {
    if (saved === undefined) delete process.env.ADDIN_PROD_URL;
    else process.env.ADDIN_PROD_URL = saved;
  });

  test("fails without ADDIN_PROD_URL, saying how to set it", async () => {
    delete process.env.ADDIN_PROD_URL;
    await expect(config({}, { mode: "production" })).rejects.toThrow(/ADDIN_PROD_URL is not set.*\n.*npm run build:addin/);
  });

  test("refuses an address that is not https or does not end in /", async () => {
    for (const url of ["http://kpi.example.gov.uk/", "https://kpi.example.gov.uk"]) {
      process.env.ADDIN_PROD_URL = url;
      await expect(config({}, { mode: "production" })).rejects.toThrow(/must be an https:\/\/ address ending in "\/"/);
    }
  });

  test("with it, rewrites every localhost URL of the manifest to it", async () => {
    process.env.ADDIN_PROD_URL = "https://kpi.example.gov.uk/addin/";
    const pattern = await manifestPattern({});
    const out = pattern!.transform!(Buffer.from('<SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/><AppDomain>https://localhost:3000</AppDomain>')).toString();
    expect(out).toBe('<SourceLocation DefaultValue="https://kpi.example.gov.uk/addin/taskpane.html"/><AppDomain>https://kpi.example.gov.uk/addin</AppDomain>');
  });

  test("the preview's build needs no address and carries no manifest", async () => {
    delete process.env.ADDIN_PROD_URL;
    expect(await manifestPattern({ local: true })).toBeUndefined();
  });
});
