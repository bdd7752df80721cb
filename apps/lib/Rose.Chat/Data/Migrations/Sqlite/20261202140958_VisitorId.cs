using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rose.Chat.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class VisitorId : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "VisitorConsent",
                table: "chat_conversations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "VisitorId",
                table: "chat_conversations",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_chat_conversations_TenantId_VisitorId",
                table: "chat_conversations",
                columns: new[] { "TenantId", "VisitorId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_chat_conversations_TenantId_VisitorId",
                table: "chat_conversations");

            migrationBuilder.DropColumn(
                name: "VisitorConsent",
                table: "chat_conversations");

            migrationBuilder.DropColumn(
                name: "VisitorId",
                table: "chat_conversations");
        }
    }
}
