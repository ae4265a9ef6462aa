// Preloaded into each CLI run of the fuzz suite: at exit, write the process's peak resident memory (kB).
/* global process, require */
process.on("exit", () => {
  const file = process.env.FUZZ_PEAK_FILE;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  if (file) require("fs").writeFileSync(file, String(process.resourceUsage().maxRSS));
});
