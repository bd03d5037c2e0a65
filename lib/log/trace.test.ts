import { describe, expect, it } from "vitest";

import { traceIdFrom, traceparentFor } from "./trace";

describe("traceIdFrom", () => {
  it("takes the trace id of a valid traceparent", () => {
    const header = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    expect(traceIdFrom(header)).toBe("4bf92f3577b34da6a3ce929d0e0e4736");
  });

  it.each([
    [null],
    ["garbage"],
    ["00-00000000000000000000000000000000-00f067aa0ba902b7-01"],
    ["00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01"],
    ["00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\r\nX-Evil: 1"],
  ])("generates a fresh id for %j", (header) => {
    const traceId = traceIdFrom(header);

    expect(traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(traceId).not.toBe("4bf92f3577b34da6a3ce929d0e0e4736");
  });

  it("continues the trace in the response header", () => {
    expect(traceparentFor("4bf92f3577b34da6a3ce929d0e0e4736")).toMatch(
      /^00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-01$/,
    );
  });
});
