import type { Project } from '../../../../common/model';

/** What the project's ledger says was spent: actual costs, else estimates of unfinished takes. */
export function spentCents(document: Project): number {
  return document.ledger.reduce((sum, entry) => sum + (entry.actualCents ?? entry.estimatedCents ?? 0), 0);
}

/** The budget left, or null when the project has no budget. */
export function budgetLeftCents(document: Project): number | null {
  const budget = document.settings.budgetCents;
  return budget === null ? null : budget - spentCents(document);
}
