import { DEFAULT_POLICY, type Policy } from '@telltale/verify/enforce';

/** Scope an authorized agent needs to read `/demo/api/account`. */
export const ACCOUNT_SCOPE = 'account:read';

/**
 * Policy of the demo backend: the built-in defaults (people 600 requests a minute,
 * unverified agents 20, rogue bots blocked), with the account endpoint labelled
 * `sensitive` and open only to people and to authorized agents granted `account:read`.
 */
export const DEMO_POLICY: Policy = {
  ...DEFAULT_POLICY,
  labels: {
    sensitive: { classes: ['human', 'authorized_agent'], agentScopes: [ACCOUNT_SCOPE], failMode: 'closed' },
  },
  routes: [{ path: '/demo/api/account', label: 'sensitive' }],
};
