// Opens the browser's print dialog (loaded as a module through JS interop: the CSP allows no inline script).
export function printPage() {
    window.print();
}
