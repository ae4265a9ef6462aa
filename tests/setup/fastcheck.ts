// Property tests run with one fixed seed, so a run never fails by chance; FC_SEED picks another
// (FC_SEED=random for a fresh one). fast-check prints the seed and the shrunk counterexample on failure.
import fc from "fast-check";

export const DEFAULT_FC_SEED = 20261125;

const wanted = process.env.FC_SEED;
const seed = wanted === "random" ? Date.now() ^ (Math.random() * 0x100000000) : wanted ? Number(wanted) : DEFAULT_FC_SEED;
fc.configureGlobal({ seed });
