/** The few chrome.* calls the end-to-end tests make inside extension pages (page.evaluate bodies). */
declare const chrome: {
  tabs: { query(query: object): Promise<{ id?: number; url?: string; active?: boolean }[]> };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
};
