using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rose.Tagging.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LabelSetsAndFirmographics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CompanyCountry",
                table: "tagging_conversations",
                type: "TEXT",
                maxLength: 2,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CompanyEmployees",
                table: "tagging_conversations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CompanyIndustry",
                table: "tagging_conversations",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "tagging_label_sets",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 63, nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    Intents = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tagging_label_sets", x => x.TenantId);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "tagging_label_sets");

            migrationBuilder.DropColumn(
                name: "CompanyCountry",
                table: "tagging_conversations");

            migrationBuilder.DropColumn(
                name: "CompanyEmployees",
                table: "tagging_conversations");

            migrationBuilder.DropColumn(
                name: "CompanyIndustry",
                table: "tagging_conversations");
        }
    }
}
