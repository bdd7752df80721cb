namespace Rose.Platform.Embedded;

/// <summary>The tables of <c>platform.db</c>; idempotent, run at every start.</summary>
internal static class PlatformSchema
{
    // WAL lets the dispatcher read while a request writes. Times are Unix milliseconds (UTC).
    public const string Sql = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS state (
            key TEXT PRIMARY KEY,
            tenant_id TEXT NOT NULL,
            value TEXT NOT NULL,
            etag INTEGER NOT NULL,
            expires_at INTEGER NULL);
        CREATE TABLE IF NOT EXISTS outbox (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            event_id TEXT NOT NULL,
            tenant_id TEXT NOT NULL,
            topic TEXT NOT NULL,
            subscriber TEXT NOT NULL,
            cloud_event TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at INTEGER NOT NULL,
            last_error TEXT NULL,
            created_at INTEGER NOT NULL,
            UNIQUE (event_id, subscriber));
        CREATE INDEX IF NOT EXISTS outbox_due ON outbox (next_attempt_at);
        CREATE TABLE IF NOT EXISTS dead_letters (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            event_id TEXT NOT NULL,
            tenant_id TEXT NOT NULL,
            topic TEXT NOT NULL,
            subscriber TEXT NOT NULL,
            cloud_event TEXT NOT NULL,
            attempts INTEGER NOT NULL,
            last_error TEXT NULL,
            dead_at INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS workflow_instances (
            instance_id TEXT PRIMARY KEY,
            tenant_id TEXT NOT NULL,
            name TEXT NOT NULL,
            parent_instance_id TEXT NULL,
            status TEXT NOT NULL,
            input TEXT NULL,
            output TEXT NULL,
            custom_status TEXT NULL,
            failure TEXT NULL,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS workflow_history (
            instance_id TEXT NOT NULL,
            sequence INTEGER NOT NULL,
            kind TEXT NOT NULL,
            name TEXT NOT NULL,
            result TEXT NULL,
            failure TEXT NULL,
            completed_at INTEGER NOT NULL,
            PRIMARY KEY (instance_id, sequence));
        CREATE TABLE IF NOT EXISTS workflow_events (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            instance_id TEXT NOT NULL,
            name TEXT NOT NULL,
            payload TEXT NULL,
            received_at INTEGER NOT NULL);
        """;
}
