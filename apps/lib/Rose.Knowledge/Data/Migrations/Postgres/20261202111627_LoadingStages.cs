using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rose.Knowledge.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LoadingStages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "knowledge_loading_stages",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    RunId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Stage = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    DocumentId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Payload = table.Column<byte[]>(type: "bytea", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_knowledge_loading_stages", x => new { x.TenantId, x.RunId, x.Stage });
                });

            migrationBuilder.CreateIndex(
                name: "IX_knowledge_loading_stages_TenantId_DocumentId",
                table: "knowledge_loading_stages",
                columns: new[] { "TenantId", "DocumentId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "knowledge_loading_stages");
        }
    }
}
