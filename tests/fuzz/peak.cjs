// Preloaded into each CLI run of the fuzz suite: at exit, write the process's peak resident memory (kB) and the
// CPU time it used (ms, user + system), as "<maxRSS> <cpuMs>". CPU time, unlike the wall clock, does not grow when
// the machine is busy, so a runaway algorithm is told apart from a crowded machine.
/* global process, require */
process.on("exit", () => {
  const file = process.env.FUZZ_PEAK_FILE;
  const usage = process.resourceUsage();
  const cpuMs = Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  if (file) require("fs").writeFileSync(file, `${usage.maxRSS} ${cpuMs}`);
});
