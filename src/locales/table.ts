import type { IssueParams } from '../core/issue.js';

/**
 * A text template per locale for one rule.
 *
 * @example
 * ```ts
 * const text: RuleText = identityMessages.identity_length;
 * text.en({ digits: 11 });
 * // => 'has 11 digits; a personal identity or coordination number has 10 or 12'
 * ```
 */
export interface RuleText {
  /** The Swedish text, filled in from the rule's parameters. */
  readonly sv: (params: IssueParams) => string;
  /** The English text, filled in from the rule's parameters. */
  readonly en: (params: IssueParams) => string;
}

/**
 * A table with a Swedish and an English text for every rule in `R`: a rule
 * missing from the table is a compile error.
 *
 * @example
 * ```ts
 * // The privacy module's texts: leaving out a PrivacyRule would not compile.
 * const texts: MessageTable<PrivacyRule> = privacyMessages;
 * texts.margin_mismatch.en({ value: 30, expected: 31 });
 * // => 'the total 30 does not match the cells (which sum to 31)'
 * ```
 */
export type MessageTable<R extends string> = { readonly [K in R]: RuleText };
