// Stands in for the 'server-only' marker package when tests run plain Node.
export {};
