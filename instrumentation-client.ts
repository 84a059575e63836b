// Runs before the app's client code (Next's client instrumentation hook): the one
// place early enough for settings that must precede module-level zod schemas.
import '@/lib/zod-jitless';
