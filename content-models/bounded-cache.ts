/**
 * Values a process works out again and again from the same inputs (Intl look-ups, translated
 * strings, a session's times in a zone), kept by key. Emptied when it holds `max` values, so a
 * long-lived process (the dev server, the Studio) never grows it without end.
 * @example const spelled = boundedCache<string>(1000); spelled('America/Lima', () => slowLookUp())
 */
export function boundedCache<V>(max: number): (key: string, compute: () => V) => V {
  const values = new Map<string, V>();
  return (key, compute) => {
    const known = values.get(key);
    if (known !== undefined) return known;
    const value = compute();
    if (values.size >= max) values.clear();
    values.set(key, value);
    return value;
  };
}
