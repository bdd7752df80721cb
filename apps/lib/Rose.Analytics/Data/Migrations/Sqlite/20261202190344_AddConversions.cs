using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rose.Analytics.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddConversions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "analytics_conversions",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 63, nullable: false),
                    Id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ExternalId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    VisitorId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ConversationId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    SkillId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Value = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    OccurredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_analytics_conversions", x => new { x.TenantId, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "analytics_signing_secrets",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 63, nullable: false),
                    ProtectedSecret = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_analytics_signing_secrets", x => x.TenantId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_analytics_widget_events_TenantId_ConversationId",
                table: "analytics_widget_events",
                columns: new[] { "TenantId", "ConversationId" });

            migrationBuilder.CreateIndex(
                name: "IX_analytics_conversions_TenantId_ExternalId",
                table: "analytics_conversions",
                columns: new[] { "TenantId", "ExternalId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_analytics_conversions_TenantId_OccurredAt",
                table: "analytics_conversions",
                columns: new[] { "TenantId", "OccurredAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "analytics_conversions");

            migrationBuilder.DropTable(
                name: "analytics_signing_secrets");

            migrationBuilder.DropIndex(
                name: "IX_analytics_widget_events_TenantId_ConversationId",
                table: "analytics_widget_events");
        }
    }
}
