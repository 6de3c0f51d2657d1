// The fixed split of a devset-style folder into a tuning part and a check part, by document id,
// chosen before any tuning and never changed after: a rule is tuned on the tuning part only and
// earns its place by helping the check part too. The check part is every document whose number
// is divisible by 3 (d003, d006, …): a third of the set, old and new documents mixed.

export type Part = 'tune' | 'check'
export const PARTS: readonly Part[] = ['tune', 'check']

/** The part a document id belongs to; an id without a number is tuning material. */
export function partOf(id: string): Part {
  const m = /([0-9]+)$/.exec(id)
  return m && Number(m[1]) % 3 === 0 ? 'check' : 'tune'
}
