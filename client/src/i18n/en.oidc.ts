// English strings of organisation sign-in (OpenID Connect) on the facilitator's home. Added to
// i18next with the home's chunk (screens/Home.tsx), like en.home.ts; <lang>.oidc.ts must have exactly
// the same keys (checked by their type). `result` follows OIDC_RESULTS (shared/src/accounts/schemas.ts).
export const enOidc = {
  oidc: {
    signIn: 'Sign in with your organisation',
    signInHelp: 'Use the account your ministry, agency or organisation gives you.',
    heading: 'Organisation sign-in',
    linkedAs: 'Signs in with {{email}}',
    linkedNoEmail: 'An organisation account signs in to this account',
    link: 'Link your organisation account',
    linkHelp: 'Then you can sign in with your organisation as well as with a passkey.',
    result: {
      signed_in: 'Signed in with your organisation.',
      linked: 'Your organisation account is linked: you can sign in with it from now on.',
      denied: 'Sign-in was cancelled at your organisation. Nothing was changed.',
      provider_unavailable:
        "Your organisation's sign-in service cannot be reached right now. Try again in a few minutes, or sign in with a passkey.",
      expired: 'That sign-in took too long or was already used. Please start again.',
      already_linked: 'That organisation account is already linked to another account here.',
      failed: 'Sign-in with your organisation did not work. Please start again.',
    },
  },
};
