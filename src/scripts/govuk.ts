// Starts GOV.UK Frontend's behaviour for the components the site uses. Bundled by Astro as an
// external module (allowed by the Content-Security-Policy); without JavaScript every component
// still works as plain HTML (the Exit this page link goes straight to its destination).
import { Button, ExitThisPage, ServiceNavigation, SkipLink, createAll } from 'govuk-frontend';

document.body.classList.add('govuk-frontend-supported');
createAll(Button);
createAll(SkipLink);
createAll(ServiceNavigation);
createAll(ExitThisPage);
