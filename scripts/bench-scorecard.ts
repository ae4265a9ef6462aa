// Scorecard benchmark: filled in once applyScorecard lands.
export async function benchScorecard(_log: (line: string) => void): Promise<void> {}
