// The ribbon's "Use selection as KPI table" opens the pane at ?start=use-selection. The pane takes the intent
// into session storage and goes on as the plain page, so that pressing the button again while the pane is open
// is again a new page for Office to show (and the intent reaches a pane that is already open).
import { takeStartIntent } from "../../src/taskpane/startIntent";

function memory(): Pick<Storage, "getItem" | "setItem" | "removeItem"> & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

test("the button's page keeps the intent and goes to the plain page, keeping Office's own parameters", () => {
  const store = memory();
  const first = takeStartIntent({ pathname: "/taskpane.html", search: "?start=use-selection&_host_Info=Excel$Win32$16.01", hash: "" }, store, 1_000);
  expect(first).toEqual({ reloadTo: "/taskpane.html?_host_Info=Excel%24Win32%2416.01" });
  const second = takeStartIntent({ pathname: "/taskpane.html", search: "?_host_Info=Excel%24Win32%2416.01", hash: "" }, store, 2_000);
  expect(second).toEqual({ intent: "use-selection" });
  // Taken once: a later reload of the pane does not ask again.
  expect(takeStartIntent({ pathname: "/taskpane.html", search: "", hash: "" }, store, 3_000)).toEqual({});
});

test("an intent kept long ago is dropped; without session storage the URL's is used as it stands", () => {
  const store = memory();
  takeStartIntent({ pathname: "/t.html", search: "?start=use-selection", hash: "" }, store, 0);
  expect(takeStartIntent({ pathname: "/t.html", search: "", hash: "" }, store, 10 * 60_000)).toEqual({});
  expect(takeStartIntent({ pathname: "/t.html", search: "?start=use-selection", hash: "" }, null)).toEqual({ intent: "use-selection" });
  const broken = { getItem: () => { throw new Error("denied"); }, setItem: () => { throw new Error("denied"); }, removeItem: () => undefined };
  expect(takeStartIntent({ pathname: "/t.html", search: "?start=use-selection", hash: "" }, broken)).toEqual({ intent: "use-selection" });
});
