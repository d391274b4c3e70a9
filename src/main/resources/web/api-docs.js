// The interactive API description; a file of its own so the page runs under a Content-Security-Policy without inline scripts.
window.ui = SwaggerUIBundle({ url: "/api/openapi.json", dom_id: "#docs" });
