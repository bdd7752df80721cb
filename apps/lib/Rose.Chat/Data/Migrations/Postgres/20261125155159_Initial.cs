using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rose.Chat.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "chat_conversations",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    Id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Origin = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    VisitorCompany = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    MessageCount = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastActivityAt = table.Column<long>(type: "bigint", nullable: false),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_chat_conversations", x => new { x.TenantId, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "chat_leads",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    Id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Company = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ConversationId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_chat_leads", x => new { x.TenantId, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "chat_messages",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    Id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ConversationId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    Role = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false),
                    SkillId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    SkillLabel = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    SkillType = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    SkillUrl = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    LatencyMs = table.Column<int>(type: "integer", nullable: true),
                    Model = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Declined = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Citations = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_chat_messages", x => new { x.TenantId, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "chat_skills",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Label = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Triggers = table.Column<List<string>>(type: "text[]", nullable: false),
                    Url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    IsContact = table.Column<bool>(type: "boolean", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_chat_skills", x => new { x.TenantId, x.Id });
                });

            migrationBuilder.CreateIndex(
                name: "IX_chat_conversations_TenantId_EndedAt_LastActivityAt",
                table: "chat_conversations",
                columns: new[] { "TenantId", "EndedAt", "LastActivityAt" });

            migrationBuilder.CreateIndex(
                name: "IX_chat_messages_TenantId_ConversationId_Sequence",
                table: "chat_messages",
                columns: new[] { "TenantId", "ConversationId", "Sequence" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "chat_conversations");

            migrationBuilder.DropTable(
                name: "chat_leads");

            migrationBuilder.DropTable(
                name: "chat_messages");

            migrationBuilder.DropTable(
                name: "chat_skills");
        }
    }
}
