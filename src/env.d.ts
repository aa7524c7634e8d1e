// govuk-frontend ships JavaScript without type declarations; we use only these exports.
declare module 'govuk-frontend' {
  export const Button: unknown;
  export const ExitThisPage: unknown;
  export const ServiceNavigation: unknown;
  export const SkipLink: unknown;
  export function createAll(component: unknown, config?: unknown, scope?: Element | Document): unknown[];
}

// Provided by src/integrations/model.ts: the site model made from the one check of this build, with its build context.
declare module 'virtual:lscp/model' {
  const model: import('./check/model.ts').SiteModel;
  export default model;
  /** The folder of rendered document bodies (src/utils/document-body.ts). */
  export const bodiesDir: string;
}

// turndown's HTML parser (a DOM for Node); its own declarations name the module "domino".
declare module '@mixmark-io/domino' {
  const domino: { createDocument(html?: string, force?: boolean): Document };
  export default domino;
}
