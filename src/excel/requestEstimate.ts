// How many bytes a batch of queued commands takes in the request office.js sends, told before anything is
// sent: the same code that queues the commands runs once against a recorder that stands in for the Excel
// objects and counts, for every property it reads, method it calls and property it sets, what office.js puts
// in the request for it (ClientRequestBase.buildRequestMessageBodyAndRequestFlags: an action
// {"Id","ActionType","Name","ObjectPathId","ArgumentInfo":{"Arguments":[…]}} per call or assignment, an
// object path {"Id","ObjectPathType","Name","ParentObjectPathId","ArgumentInfo"} per object reached, and an
// Instantiate action for an object a method returns). Every call is counted as if it returned an object, so
// the count is never below the request: merges, rules, charts, links and formats are counted with the values.

/** Bytes of each part of the request, with ids of up to five digits. */
export const ENVELOPE = { action: 90, path: 110, instantiate: 55, reference: 24 } as const;

const RECORDER = Symbol("recorder");

interface Counter {
  bytes: number;
}

function jsonLength(value: unknown): number {
  const s = JSON.stringify(value, (_k, v: unknown) => (v && typeof v === "object" && (v as Record<symbol, unknown>)[RECORDER] ? { _ObjectPathId: 99999 } : v));
  if (s === undefined) return 0;
  // UTF-8: every character past ASCII takes up to three bytes (a surrogate pair, four for two).
  let n = s.length;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) n += 2;
  return n;
}

/** A stand-in for any Excel object: reading a property, calling a method or setting a property is counted. */
function recorder(counter: Counter): unknown {
  const target = function () {} as unknown as Record<PropertyKey, unknown>;
  return new Proxy(target, {
    get(_t, prop) {
      if (prop === RECORDER) return true;
      if (prop === "toJSON") return undefined;
      if (typeof prop === "symbol") return undefined;
      counter.bytes += ENVELOPE.path + prop.length;
      const child = recorder(counter);
      // As a method: the call is an action, and what it returns a new object.
      return new Proxy(child as object, {
        apply(_f, _this, args: unknown[]) {
          counter.bytes += ENVELOPE.action + ENVELOPE.instantiate + ENVELOPE.path + prop.length + jsonLength(args);
          return recorder(counter);
        },
        get: (_c, p) => (child as Record<PropertyKey, unknown>)[p],
        set(_c, p, v: unknown) {
          (child as Record<PropertyKey, unknown>)[p] = v;
          return true;
        },
      });
    },
    set(_t, prop, value: unknown) {
      counter.bytes += ENVELOPE.action + String(prop).length + jsonLength(value);
      return true;
    },
  });
}

/**
 * The bytes the commands `queue` makes on the objects it is given would take in a request: `queue` receives
 * recorders in place of the Excel objects, as many as `objects` asks for (a sheet, a workbook...).
 */
export function requestBytes<T extends unknown[]>(objects: number, queue: (...stand: T) => void): number {
  const counter: Counter = { bytes: 0 };
  const stand = Array.from({ length: objects }, () => recorder(counter)) as T;
  queue(...stand);
  return counter.bytes;
}
