// govuk-frontend ships JavaScript without type declarations; we use only these exports.
declare module 'govuk-frontend' {
  export const Button: unknown;
  export const ExitThisPage: unknown;
  export const ServiceNavigation: unknown;
  export const SkipLink: unknown;
  export function createAll(component: unknown, config?: unknown, scope?: Element | Document): unknown[];
}
