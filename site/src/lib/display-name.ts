/**
 * A name with its abbreviation when the abbreviation adds something: "Intensive outpatient
 * program (IOP)", but "Medical detox" rather than "Medical detox (Detox)".
 */
export function displayName({ name, shortName }: { name: string; shortName?: string | null | undefined }): string {
  const short = shortName?.trim();
  if (!short || name.toLowerCase().includes(short.toLowerCase())) return name;
  return `${name} (${short})`;
}
