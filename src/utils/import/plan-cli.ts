export async function importPlan(..._a: unknown[]): Promise<{ found: string[]; errors: string[]; warnings: string[]; yaml: string }> {
  return { found: [], errors: ['Importing action plans is not ready yet.'], warnings: [], yaml: '' };
}
