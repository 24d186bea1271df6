"""What the public API shows of each content type: public fields only."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from congxa.documents.models import LegalDocumentPage
from congxa.engagement.models import Question
from congxa.news.models import ArticlePage, NewsIndexPage
from congxa.people.models import Official, OrganisationUnit, ScheduleEntry
from congxa.procedures.models import AdministrativeProcedure


def _absolute(context, path: str) -> str:
    return context["request"].build_absolute_uri(path)


class SectionSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()
    rss = serializers.SerializerMethodField()
    atom = serializers.SerializerMethodField()

    class Meta:
        model = NewsIndexPage
        fields = ["id", "title", "slug", "intro", "url", "rss", "atom"]

    def get_url(self, obj) -> str:
        return obj.get_full_url(self.context["request"])

    def get_rss(self, obj) -> str:
        return _absolute(self.context, f"/rss/chuyen-muc/{obj.slug}/")

    def get_atom(self, obj) -> str:
        return _absolute(self.context, f"/atom/chuyen-muc/{obj.slug}/")


class ArticleSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()
    section = serializers.SerializerMethodField()
    image = serializers.SerializerMethodField()

    class Meta:
        model = ArticlePage
        fields = [
            "id",
            "title",
            "slug",
            "date",
            "lead",
            "signature",
            "section",
            "url",
            "image",
            "last_published_at",
        ]

    def get_url(self, obj) -> str:
        return obj.get_full_url(self.context["request"])

    def get_section(self, obj) -> str:
        return obj.url_path.strip("/").split("/")[-2]

    def get_image(self, obj) -> str | None:
        if obj.featured_image_id is None:
            return None
        rendition = obj.featured_image.get_rendition("width-720|format-jpeg")
        return _absolute(self.context, rendition.url)


class ArticleDetailSerializer(ArticleSerializer):
    body = serializers.SerializerMethodField()

    class Meta(ArticleSerializer.Meta):
        fields = [*ArticleSerializer.Meta.fields, "body"]

    def get_body(self, obj) -> str:
        """The article's body as the page shows it, in sanitised HTML."""
        return str(obj.body)


class DocumentFileSerializer(serializers.Serializer):
    title = serializers.CharField()
    file_name = serializers.CharField()
    url = serializers.URLField()


class DocumentSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()
    document_type = serializers.CharField(source="document_type.name")
    document_type_slug = serializers.CharField(source="document_type.slug")
    field = serializers.SerializerMethodField()
    status = serializers.SerializerMethodField()

    class Meta:
        model = LegalDocumentPage
        fields = [
            "id",
            "title",
            "number",
            "document_type",
            "document_type_slug",
            "issuing_body",
            "field",
            "issue_date",
            "effective_date",
            "expiry_date",
            "signer",
            "status",
            "url",
        ]

    def get_url(self, obj) -> str:
        return obj.get_full_url(self.context["request"])

    def get_field(self, obj) -> str | None:
        return obj.field.name if obj.field_id else None

    def get_status(self, obj) -> str:
        """in_force, expired or draft_for_comment, as of today."""
        return obj.current_status()


class DocumentDetailSerializer(DocumentSerializer):
    files = serializers.SerializerMethodField()

    class Meta(DocumentSerializer.Meta):
        fields = [*DocumentSerializer.Meta.fields, "files"]

    @staticmethod
    def _file(context, attachment, url, file_name) -> dict:
        return {
            "title": attachment.title or file_name,
            "file_name": file_name,
            "url": _absolute(context, url),
        }

    @extend_schema_field(DocumentFileSerializer(many=True))
    def get_files(self, obj) -> list[dict]:
        request = self.context["request"]
        return [
            self._file(self.context, attachment, url, file_name)
            for attachment, url, file_name in obj.files(request)
        ]


class ProcedureSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()

    class Meta:
        model = AdministrativeProcedure
        fields = [
            "code",
            "name",
            "sector",
            "level",
            "procedure_type",
            "target_groups",
            "competent_agency",
            "implementing_agency",
            "online_service_level",
            "detail_url",
            "url",
            "updated_at",
        ]

    def get_url(self, obj) -> str | None:
        base = self.context.get("procedures_base")
        return _absolute(self.context, f"{base}{obj.code}/") if base else None


class ProcedureDetailSerializer(ProcedureSerializer):
    class Meta(ProcedureSerializer.Meta):
        fields = [
            *ProcedureSerializer.Meta.fields,
            "decision_number",
            "receiving_address",
            "conditions",
            "steps",
            "channels",
            "documents",
            "legal_basis",
            "results",
        ]


class OfficialSerializer(serializers.ModelSerializer):
    """Leaders and officials as the organisation page names them: no contacts."""

    class Meta:
        model = Official
        fields = ["id", "name", "position", "unit", "is_leader"]


class UnitSerializer(serializers.ModelSerializer):
    class Meta:
        model = OrganisationUnit
        fields = ["id", "name", "parent", "functions", "address", "phone", "email"]


class OrganisationSerializer(serializers.Serializer):
    name = serializers.CharField()
    address = serializers.CharField()
    phone = serializers.CharField()
    email = serializers.CharField()
    units = UnitSerializer(many=True)
    officials = OfficialSerializer(many=True)


@extend_schema_field(
    {"type": "string", "pattern": "^[0-9]{2}:[0-9]{2}$", "example": "07:30"}
)
class LocalTimeField(serializers.TimeField):
    """`07:30`, local time: JSON Schema's `time` format would want an offset."""

    def __init__(self, **kwargs):
        super().__init__(format="%H:%M", **kwargs)


class ScheduleEntrySerializer(serializers.ModelSerializer):
    start_time = LocalTimeField()
    end_time = LocalTimeField(allow_null=True)

    class Meta:
        model = ScheduleEntry
        fields = [
            "id",
            "kind",
            "date",
            "start_time",
            "end_time",
            "content",
            "chair",
            "participants",
            "location",
        ]


class AnswerSerializer(serializers.ModelSerializer):
    """A published question and its answer; who asked is never shown."""

    question = serializers.CharField(source="text")
    answer = serializers.CharField(source="answer_text")
    topic = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField()

    class Meta:
        model = Question
        fields = [
            "id",
            "title",
            "question",
            "answer",
            "topic",
            "created_at",
            "answered_at",
            "published_at",
            "url",
        ]

    def get_topic(self, obj) -> str | None:
        return obj.topic.name if obj.topic_id else None

    def get_url(self, obj) -> str | None:
        base = self.context.get("answers_base")
        return _absolute(self.context, f"{base}{obj.pk}/") if base else None


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField()
