using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rose.Tagging.Data.Migrations.Postgres
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
                type: "character varying(2)",
                maxLength: 2,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CompanyEmployees",
                table: "tagging_conversations",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CompanyIndustry",
                table: "tagging_conversations",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "tagging_label_sets",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    Intents = table.Column<string>(type: "character varying(16000)", maxLength: 16000, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
