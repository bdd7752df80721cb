using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rose.Chat.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SkillEnabled : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Enabled",
                table: "chat_skills",
                type: "boolean",
                nullable: false,
                defaultValue: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Enabled",
                table: "chat_skills");
        }
    }
}
