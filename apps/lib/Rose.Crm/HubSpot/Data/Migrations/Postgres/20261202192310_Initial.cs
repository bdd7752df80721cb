using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rose.Crm.HubSpot.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "crm_hubspot_companies",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    CompanyId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Domain = table.Column<string>(type: "character varying(253)", maxLength: 253, nullable: true),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_crm_hubspot_companies", x => new { x.TenantId, x.CompanyId });
                });

            migrationBuilder.CreateTable(
                name: "crm_hubspot_connections",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    PortalId = table.Column<long>(type: "bigint", nullable: false),
                    ProtectedAccessToken = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ProtectedRefreshToken = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    AccessTokenExpiresAt = table.Column<long>(type: "bigint", nullable: true),
                    ConnectedAt = table.Column<long>(type: "bigint", nullable: false),
                    GdprDeleteOnErasure = table.Column<bool>(type: "boolean", nullable: false),
                    LastIncrementalSyncAt = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_crm_hubspot_connections", x => x.TenantId);
                });

            migrationBuilder.CreateTable(
                name: "crm_hubspot_contacts",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    ContactId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    CompanyId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    LifecycleStage = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    OwnerId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Deleted = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_crm_hubspot_contacts", x => new { x.TenantId, x.ContactId });
                });

            migrationBuilder.CreateTable(
                name: "crm_hubspot_failures",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    Id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Kind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    SourceId = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    ProtectedEmail = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    FirstFailedAt = table.Column<long>(type: "bigint", nullable: false),
                    LastFailedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_crm_hubspot_failures", x => new { x.TenantId, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "crm_hubspot_notes",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    SourceKey = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    NoteId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_crm_hubspot_notes", x => new { x.TenantId, x.SourceKey });
                });

            migrationBuilder.CreateTable(
                name: "crm_hubspot_oauth_states",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    Nonce = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_crm_hubspot_oauth_states", x => new { x.TenantId, x.Nonce });
                });

            migrationBuilder.CreateTable(
                name: "crm_hubspot_received_events",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    EventId = table.Column<long>(type: "bigint", nullable: false),
                    ReceivedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_crm_hubspot_received_events", x => new { x.TenantId, x.EventId });
                });

            migrationBuilder.CreateTable(
                name: "crm_hubspot_sync_runs",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    Id = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Phase = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    After = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Contacts = table.Column<int>(type: "integer", nullable: false),
                    Companies = table.Column<int>(type: "integer", nullable: false),
                    Error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    StartedAt = table.Column<long>(type: "bigint", nullable: false),
                    FinishedAt = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_crm_hubspot_sync_runs", x => new { x.TenantId, x.Id });
                });

            migrationBuilder.CreateIndex(
                name: "IX_crm_hubspot_companies_TenantId_Domain",
                table: "crm_hubspot_companies",
                columns: new[] { "TenantId", "Domain" });

            migrationBuilder.CreateIndex(
                name: "IX_crm_hubspot_contacts_TenantId_Email",
                table: "crm_hubspot_contacts",
                columns: new[] { "TenantId", "Email" });

            migrationBuilder.CreateIndex(
                name: "IX_crm_hubspot_contacts_TenantId_UpdatedAt",
                table: "crm_hubspot_contacts",
                columns: new[] { "TenantId", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_crm_hubspot_failures_TenantId_Kind_SourceId",
                table: "crm_hubspot_failures",
                columns: new[] { "TenantId", "Kind", "SourceId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_crm_hubspot_received_events_TenantId_ReceivedAt",
                table: "crm_hubspot_received_events",
                columns: new[] { "TenantId", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_crm_hubspot_sync_runs_TenantId_StartedAt",
                table: "crm_hubspot_sync_runs",
                columns: new[] { "TenantId", "StartedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "crm_hubspot_companies");

            migrationBuilder.DropTable(
                name: "crm_hubspot_connections");

            migrationBuilder.DropTable(
                name: "crm_hubspot_contacts");

            migrationBuilder.DropTable(
                name: "crm_hubspot_failures");

            migrationBuilder.DropTable(
                name: "crm_hubspot_notes");

            migrationBuilder.DropTable(
                name: "crm_hubspot_oauth_states");

            migrationBuilder.DropTable(
                name: "crm_hubspot_received_events");

            migrationBuilder.DropTable(
                name: "crm_hubspot_sync_runs");
        }
    }
}
