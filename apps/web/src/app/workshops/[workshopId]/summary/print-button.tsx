"use client";
// The browser's print dialog (the page's print styles drop the navigation and this button).
export function PrintButton() {
  return (
    <button type="button" onClick={() => window.print()} className="rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-50 print:hidden">
      Print
    </button>
  );
}
