// A status answered yes or no under a question ("Target achieved? (Y/N)"): "Y" is yes there, yellow elsewhere.
import { readStatedStatus } from "../../src/core/stated/status";

it("reads 'Y' under a question as met, and as amber (yellow) under a status heading", () => {
  expect(["Y", "y", "Yes", "N", "No"].map((text) => readStatedStatus({ text }, { yesNo: true }))).toEqual(["green", "green", "green", "red", "red"]);
  expect(["Y", "G", "Green"].map((text) => readStatedStatus({ text }))).toEqual(["amber", "green", "green"]);
});
