using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rose.Chat.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ConversationListIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_chat_conversations_TenantId_LastActivityAt_Id",
                table: "chat_conversations",
                columns: new[] { "TenantId", "LastActivityAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_chat_conversations_TenantId_LastActivityAt_Id",
                table: "chat_conversations");
        }
    }
}
