using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rose.Geo.Site.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "geo_site_hostnames",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    Host = table.Column<string>(type: "character varying(253)", maxLength: 253, nullable: false),
                    Token = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    VerifiedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastCheckedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    VerifiedBy = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    ConsecutiveFailures = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_geo_site_hostnames", x => new { x.TenantId, x.Host });
                });

            migrationBuilder.CreateTable(
                name: "geo_site_indexnow_keys",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    Key = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_geo_site_indexnow_keys", x => x.TenantId);
                });

            migrationBuilder.CreateTable(
                name: "geo_site_publishes",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    PublishId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Stage = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ChangedUrls = table.Column<string>(type: "text", nullable: false),
                    IndexNowStatus = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    PageCount = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_geo_site_publishes", x => new { x.TenantId, x.PublishId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_geo_site_hostnames_Host",
                table: "geo_site_hostnames",
                column: "Host",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "geo_site_hostnames");

            migrationBuilder.DropTable(
                name: "geo_site_indexnow_keys");

            migrationBuilder.DropTable(
                name: "geo_site_publishes");
        }
    }
}
