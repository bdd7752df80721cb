using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rose.Tagging.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "tagging_conversations",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 63, nullable: false),
                    ConversationId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    LabelSetVersion = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Classifier = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    MessageCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Intent = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Score = table.Column<int>(type: "INTEGER", nullable: false),
                    VisitorKey = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    CompanyName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CompanyDomain = table.Column<string>(type: "TEXT", maxLength: 253, nullable: true),
                    CompanyMatchedBy = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    CompanyConfidence = table.Column<double>(type: "REAL", nullable: true),
                    LastActivityAt = table.Column<long>(type: "INTEGER", nullable: false),
                    TaggedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tagging_conversations", x => new { x.TenantId, x.ConversationId });
                });

            migrationBuilder.CreateTable(
                name: "tagging_qualifications",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 63, nullable: false),
                    VisitorKey = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    ConversationId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Score = table.Column<int>(type: "INTEGER", nullable: false),
                    QualifiedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tagging_qualifications", x => new { x.TenantId, x.VisitorKey });
                });

            migrationBuilder.CreateTable(
                name: "tagging_score_factors",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 63, nullable: false),
                    ConversationId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Points = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tagging_score_factors", x => new { x.TenantId, x.ConversationId, x.Position });
                });

            migrationBuilder.CreateTable(
                name: "tagging_scoring",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 63, nullable: false),
                    Industries = table.Column<string>(type: "TEXT", nullable: false),
                    SizeMin = table.Column<int>(type: "INTEGER", nullable: true),
                    SizeMax = table.Column<int>(type: "INTEGER", nullable: true),
                    Countries = table.Column<string>(type: "TEXT", nullable: false),
                    Weights = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    HotThreshold = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tagging_scoring", x => x.TenantId);
                });

            migrationBuilder.CreateTable(
                name: "tagging_tags",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 63, nullable: false),
                    ConversationId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Group = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Confidence = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tagging_tags", x => new { x.TenantId, x.ConversationId, x.Group, x.Label });
                });

            migrationBuilder.CreateIndex(
                name: "IX_tagging_conversations_TenantId_CompanyDomain",
                table: "tagging_conversations",
                columns: new[] { "TenantId", "CompanyDomain" });

            migrationBuilder.CreateIndex(
                name: "IX_tagging_conversations_TenantId_Score",
                table: "tagging_conversations",
                columns: new[] { "TenantId", "Score" });

            migrationBuilder.CreateIndex(
                name: "IX_tagging_conversations_TenantId_VisitorKey",
                table: "tagging_conversations",
                columns: new[] { "TenantId", "VisitorKey" });

            migrationBuilder.CreateIndex(
                name: "IX_tagging_tags_TenantId_Label",
                table: "tagging_tags",
                columns: new[] { "TenantId", "Label" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "tagging_conversations");

            migrationBuilder.DropTable(
                name: "tagging_qualifications");

            migrationBuilder.DropTable(
                name: "tagging_score_factors");

            migrationBuilder.DropTable(
                name: "tagging_scoring");

            migrationBuilder.DropTable(
                name: "tagging_tags");
        }
    }
}
