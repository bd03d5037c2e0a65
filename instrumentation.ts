// Runs once when the server starts: a wrong setting stops it with one line naming the variable.
export async function register(): Promise<void> {
  // An if around the import, not an early return, so the Edge build leaves the module out.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { onServerStart } = await import("@/lib/startup/on-server-start");
    await onServerStart();
  }
}
