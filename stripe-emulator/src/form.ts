/** A decoded Stripe request parameter: a string leaf, a list, or a nested hash. */
export type Param = string | Param[] | Params;
export interface Params {
  [key: string]: Param;
}

/**
 * Decodes Stripe's form encoding (`metadata[cartId]=x`, `expand[0]=y`, `types[]=z`) into nested
 * values. Hashes whose keys are all indexes become lists, which is how stripe-node sends arrays.
 */
export function parseForm(text: string): Params {
  const root: Params = {};
  for (const [rawKey, value] of new URLSearchParams(text)) {
    const path = splitKey(rawKey);
    assign(root, path, value);
  }
  return listify(root) as Params;
}

function splitKey(key: string): string[] {
  const head = key.split("[", 1)[0] ?? key;
  const rest = [...key.slice(head.length).matchAll(/\[([^\]]*)\]/g)].map((m) => m[1] ?? "");
  return [head, ...rest];
}

function assign(target: Params, path: string[], value: string): void {
  let node = target;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i] === "" ? String(Object.keys(node).length) : (path[i] as string);
    const next = node[key];
    if (typeof next !== "object" || next === null || Array.isArray(next)) node[key] = {};
    node = node[key] as Params;
  }
  const last = path[path.length - 1] as string;
  node[last === "" ? String(Object.keys(node).length) : last] = value;
}

function listify(value: Param): Param {
  if (typeof value === "string" || Array.isArray(value)) return value;

  const keys = Object.keys(value);
  const entries = keys.map((key) => [key, listify(value[key] as Param)] as const);
  const isList = keys.length > 0 && keys.every((key) => /^\d+$/.test(key));
  if (!isList) return Object.fromEntries(entries);

  return entries.sort((a, b) => Number(a[0]) - Number(b[0])).map(([, item]) => item);
}
