using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rose.Chat.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ConversationPage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Page",
                table: "chat_conversations",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Page",
                table: "chat_conversations");
        }
    }
}
