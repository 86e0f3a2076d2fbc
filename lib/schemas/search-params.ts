/** Next hands pages `searchParams` with repeated keys as arrays; list filters read the first value. */
export type RawSearchParams = Record<string, string | string[] | undefined>;

export function firstValues(searchParams: RawSearchParams | URLSearchParams): Record<string, string> {
  const entries =
    searchParams instanceof URLSearchParams ? [...searchParams.keys()].map((key) => [key, searchParams.get(key)] as const) : Object.entries(searchParams);
  const result: Record<string, string> = {};
  for (const [key, value] of entries) {
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === "string" && first !== "") result[key] = first;
  }
  return result;
}
