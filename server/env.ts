import { z } from "zod";

const flag = z
  .enum(["true", "false", "1", "0"])
  .transform((value) => value === "true" || value === "1");

const EnvSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default("127.0.0.1"),
    DATA_DIR: z.string().min(1).default("./data"),
    PUBLIC_URL: z.url().optional(),
    ALLOW_POLE_CREATION: flag.default(true),
    /** `full` fsyncs every commit: survives a power cut, not only a killed process. */
    DB_SYNCHRONOUS: z.enum(["normal", "full"]).default("normal"),
    LOG_LEVEL: z
      .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"])
      .default("info"),
    /** Where the built client lives; tests point it at their own build. */
    CLIENT_DIST: z.string().min(1).default("./dist/client"),
    /** Seconds a document stays loaded after its last connection leaves. */
    DOC_UNLOAD_DELAY_SECONDS: z.coerce.number().min(0).max(3600).default(5),
    SMTP_URL: z.string().optional(),
    /** The hour (UTC) daily and weekly (Monday) notification digests go out. */
    DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(6),
    /**
     * The addresses of the reverse proxies in front of the server (comma-separated): only
     * requests coming from one of them have their X-Forwarded-For believed.
     */
    TRUST_PROXY: z
      .string()
      .default("")
      .transform(
        (list) =>
          new Set(
            list
              .split(",")
              .map((item) => item.trim())
              .filter(Boolean),
          ),
      ),
    /** `postgres://…`: PostgreSQL instead of the embedded SQLite (DATA_DIR then unused). */
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "a postgres://… address")
      .optional(),
    /** `redis://…`: with DATABASE_URL, several instances serve the same workspaces. */
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, "a redis://… address")
      .optional(),
  })
  .refine((env) => !env.REDIS_URL || env.DATABASE_URL, {
    message: "REDIS_URL needs DATABASE_URL: several instances share a PostgreSQL database",
    path: ["REDIS_URL"],
  });

export type Env = z.infer<typeof EnvSchema>;

/** The running server's configuration: PUBLIC_URL is known once the port is bound. */
export type Config = Env & { PUBLIC_URL: string };

/** Reads the environment once at start; a wrong value stops the process with a clear line. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return parsed.data;
}
