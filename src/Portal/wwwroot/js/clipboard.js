// Copies text for the portal's copy buttons (loaded as a module through JS interop: the CSP allows no inline script).
// Resolves to false when the browser refuses, so the page can tell the person to select and copy by hand.
export async function copyText(text) {
    try {
        await navigator.clipboard.writeText(text);
        return true;
    } catch {
        return false;
    }
}
