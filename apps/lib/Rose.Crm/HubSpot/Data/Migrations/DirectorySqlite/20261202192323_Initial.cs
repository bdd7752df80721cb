using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rose.Crm.HubSpot.Data.Migrations.DirectorySqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "crm_hubspot_portals",
                columns: table => new
                {
                    PortalId = table.Column<long>(type: "INTEGER", nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 63, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_crm_hubspot_portals", x => x.PortalId);
                });

            migrationBuilder.CreateTable(
                name: "crm_hubspot_token_keys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_crm_hubspot_token_keys", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_crm_hubspot_portals_TenantId",
                table: "crm_hubspot_portals",
                column: "TenantId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "crm_hubspot_portals");

            migrationBuilder.DropTable(
                name: "crm_hubspot_token_keys");
        }
    }
}
