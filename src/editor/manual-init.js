// Decap CMS starts itself when its script loads unless this is set; src/scripts/editor-admin.ts
// registers the project's file formats and then calls CMS.init().
window.CMS_MANUAL_INIT = true;
