"""Places, organisations, missions and their structure (DESIGN.md: registry; seed 003 §1, seed 004 ch. 1)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from peaceops.core.models import Classified, SecuredRecord, SourcedRecord
from peaceops.registry import country_names
from peaceops.registry.graph import closes_cycle


class Country(models.Model):
    """An ISO 3166-1 country."""

    iso3 = models.CharField(_("ISO 3166 alpha-3"), max_length=3, unique=True)
    iso2 = models.CharField(_("ISO 3166 alpha-2"), max_length=2, unique=True)
    numeric = models.CharField(_("ISO 3166 numeric"), max_length=3, blank=True)
    name = models.CharField(_("name"), max_length=200)
    geometry = models.JSONField(_("shape (GeoJSON)"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = _("countries")

    def __str__(self):
        return self.local_name

    @property
    def local_name(self) -> str:
        """The name in the active language, from pycountry's translations (registry.country_names)."""
        return country_names.local_name(self.iso3, self.name, get_language())


class AdminArea(models.Model):
    """An administrative area identified by its OCHA P-code, with its parent one level up."""

    pcode = models.CharField(_("P-code"), max_length=32, unique=True)
    name = models.CharField(_("name"), max_length=200)
    level = models.PositiveSmallIntegerField(_("admin level"))
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="admin_areas")
    parent = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True, related_name="children")
    geometry = models.JSONField(_("shape (GeoJSON)"), null=True, blank=True)
    centroid_lat = models.FloatField(null=True, blank=True)
    centroid_lon = models.FloatField(null=True, blank=True)
    valid_on = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["pcode"]
        indexes = [models.Index(fields=["country", "level"])]

    def __str__(self):
        return f"{self.name} ({self.pcode})"

    def clean(self):
        if self.parent_id and self.parent.level >= self.level:
            raise ValidationError({"parent": _("The parent must be at a higher admin level (smaller number).")})
        if self.parent_id and self.parent.country_id != self.country_id:
            raise ValidationError({"parent": _("The parent must be in the same country.")})


class Region(models.Model):
    """A group of missions viewed together (a regional office or an HQ desk's portfolio)."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    description = models.TextField(_("description"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Organisation(SourcedRecord):
    """Any body the seeds name: UN departments, agencies, NGOs, governments, regional bodies, donors."""

    class Kind(models.TextChoices):
        UN_SECRETARIAT = "un_secretariat", _("UN Secretariat department or office")
        UN_AGENCY = "un_agency", _("UN agency, fund or programme")
        UN_BODY = "un_body", _("UN intergovernmental body")
        HOST_GOVERNMENT = "host_government", _("Host government")
        GOVERNMENT = "government", _("Other government")
        REGIONAL = "regional", _("Regional or sub-regional organisation")
        NGO = "ngo", _("Non-governmental organisation")
        DONOR = "donor", _("Donor")
        CONTRIBUTOR = "contributor", _("Troop or police contributing country")
        INTERNATIONAL_FINANCIAL = "ifi", _("International financial institution")
        MEDIATION = "mediation", _("Mediation team")
        SUPPORT_BASE = "support_base", _("Support base")
        NON_STATE_ARMED_GROUP = "armed_group", _("Non-state armed group")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=300, unique=True)
    acronym = models.CharField(_("acronym"), max_length=40, blank=True, db_index=True)
    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices)
    country = models.ForeignKey(Country, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    parent = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True, related_name="children")
    description = models.TextField(_("description"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["acronym", "name"]

    def __str__(self):
        return self.acronym or self.name


class Resolution(SourcedRecord):
    """A Security Council resolution."""

    number = models.PositiveIntegerField(_("number"), unique=True)
    adopted_on = models.DateField(_("adopted on"))
    title = models.CharField(_("title"), max_length=300, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["number"]

    def __str__(self):
        return f"S/RES/{self.number} ({self.adopted_on.year})"


class Mission(SourcedRecord):
    """A UN peace operation. Its own record is public; what it owns carries classifications."""

    class Kind(models.TextChoices):
        PEACEKEEPING = "peacekeeping", _("Peacekeeping operation")
        SPECIAL_POLITICAL = "special_political", _("Special political mission")
        HYBRID = "hybrid", _("Hybrid operation")

    class Integration(models.TextChoices):
        # Seed 003 §1.3 and seed 002: integration is separate, partial or full.
        SEPARATE = "separate", _("Separate")
        PARTIAL = "partial", _("Partial")
        FULL = "full", _("Full")

    acronym = models.CharField(_("acronym"), max_length=20, unique=True)
    name = models.CharField(_("name"), max_length=300)
    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices)
    lead_department = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, null=True, blank=True, related_name="led_missions"
    )
    host_countries = models.ManyToManyField(Country, related_name="missions", blank=True)
    regions = models.ManyToManyField(Region, related_name="missions", blank=True)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)
    predecessor = models.OneToOneField(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="successor"
    )
    integration_model = models.CharField(
        _("integration model"), max_length=16, choices=Integration.choices, default=Integration.PARTIAL
    )
    headquarters = models.CharField(_("headquarters"), max_length=200, blank=True)
    hq_lat = models.FloatField(null=True, blank=True)
    hq_lon = models.FloatField(null=True, blank=True)
    summary = models.TextField(_("mandate summary"), blank=True)
    resolutions = models.ManyToManyField(Resolution, through="MissionResolution", related_name="missions", blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["acronym"]

    def __str__(self):
        return self.acronym

    def clean(self):
        if self.end_date and self.start_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date is before the start date.")})
        if self.predecessor_id and self.predecessor_id == self.pk:
            raise ValidationError({"predecessor": _("A mission cannot succeed itself.")})


class MissionResolution(models.Model):
    """What a resolution did to a mission (established it, extended it, ended it...)."""

    class Action(models.TextChoices):
        ESTABLISHES = "establishes", _("Establishes")
        EXTENDS = "extends", _("Extends")
        MODIFIES = "modifies", _("Modifies the mandate")
        AUTHORISES = "authorises", _("Authorises a component")
        TERMINATES = "terminates", _("Ends the mission")

    mission = models.ForeignKey(Mission, on_delete=models.CASCADE, related_name="mandating_resolutions")
    resolution = models.ForeignKey(Resolution, on_delete=models.PROTECT, related_name="mission_links")
    action = models.CharField(_("action"), max_length=16, choices=Action.choices)
    note = models.CharField(_("note"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["resolution__adopted_on"]
        constraints = [
            models.UniqueConstraint(fields=["mission", "resolution", "action"], name="unique_mission_resolution")
        ]


class Component(Classified, SourcedRecord):
    """A part of a mission's structure (military, police, a substantive section, a support office)."""

    MISSION_FIELD = "mission"

    class Kind(models.TextChoices):
        LEADERSHIP = "leadership", _("Leadership office")
        MILITARY = "military", _("Military")
        POLICE = "police", _("Police")
        SUBSTANTIVE = "substantive", _("Substantive civilian section")
        HUMANITARIAN = "humanitarian", _("Humanitarian coordination")
        SUPPORT = "support", _("Mission support")
        SECURITY = "security", _("Security (DSS)")
        JOINT = "joint", _("Joint structure (JMAC, JOC)")

    mission = models.ForeignKey(Mission, on_delete=models.CASCADE, related_name="components")
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, null=True, blank=True, related_name="mission_components",
        help_text=_("The organisation that runs it when not the mission itself (e.g. an OCHA office)."),
    )
    parent = models.ForeignKey("self", on_delete=models.CASCADE, null=True, blank=True, related_name="children")
    history = HistoricalRecords()

    class Meta:
        # By id, not by the mission's acronym: ordering through the relation costs a join and a sort
        # on every API page (see docs/benchmarks.md).
        ordering = ["mission_id", "name"]
        constraints = [models.UniqueConstraint(fields=["mission", "name"], name="unique_component_name")]
        indexes = [models.Index(fields=["mission", "classification"])]

    def __str__(self):
        return f"{self.mission.acronym} {self.name}"

    def clean(self):
        if self.parent_id and self.parent.mission_id != self.mission_id:
            raise ValidationError({"parent": _("The parent component belongs to another mission.")})


class Post(Classified, SourcedRecord):
    """A position in a mission's structure; its hats are the roles it holds at once."""

    MISSION_FIELD = "mission"

    class Function(models.TextChoices):
        SRSG = "srsg", _("Special Representative of the Secretary-General / Head of mission")
        JSR = "jsr", _("Joint Special Representative (AU-UN)")
        DSRSG = "dsrsg", _("Deputy Special Representative")
        FORCE_COMMANDER = "force_commander", _("Force Commander")
        POLICE_COMMISSIONER = "police_commissioner", _("Police Commissioner")
        CHIEF_OF_STAFF = "chief_of_staff", _("Chief of Staff")
        DIRECTOR_SUPPORT = "director_support", _("Director / Chief of Mission Support")
        HUMAN_RIGHTS = "human_rights", _("Human rights adviser / chief")
        POLITICAL = "political", _("Political affairs chief")
        JMAC = "jmac", _("Chief JMAC")
        JOC = "joc", _("Chief JOC")
        SECURITY = "security", _("Chief Security Adviser (DSS)")
        HUMANITARIAN = "humanitarian", _("Head of humanitarian office")
        MEDIATOR = "mediator", _("Mediator")
        OTHER = "other", _("Other")

    mission = models.ForeignKey(Mission, on_delete=models.CASCADE, related_name="posts")
    component = models.ForeignKey(Component, on_delete=models.SET_NULL, null=True, blank=True, related_name="posts")
    title = models.CharField(_("title"), max_length=200)
    function = models.CharField(_("function"), max_length=32, choices=Function.choices, default=Function.OTHER)
    grade = models.CharField(_("grade"), max_length=20, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["mission_id", "title"]
        indexes = [models.Index(fields=["mission", "title"]), models.Index(fields=["mission", "classification"])]

    def __str__(self):
        return f"{self.mission.acronym} {self.title}"

    def clean(self):
        if self.component_id and self.component.mission_id != self.mission_id:
            raise ValidationError({"component": _("The component belongs to another mission.")})


class Hat(Classified):
    """One role a post holds, e.g. a DSRSG who is also Resident and Humanitarian Coordinator (seed 003 §2.5)."""

    PARENT_FIELD = "post"  # read only with its parent (accounts.access.visible)

    MISSION_FIELD = "post__mission"

    class Role(models.TextChoices):
        DSRSG = "dsrsg", _("Deputy Special Representative")
        RESIDENT_COORDINATOR = "rc", _("Resident Coordinator")
        HUMANITARIAN_COORDINATOR = "hc", _("Humanitarian Coordinator")
        RESIDENT_REPRESENTATIVE = "rr", _("UNDP Resident Representative")
        DESIGNATED_OFFICIAL = "do", _("Designated Official for security")
        HEAD_OF_MISSION = "hom", _("Head of mission")
        OTHER = "other", _("Other")

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="hats")
    role = models.CharField(_("role"), max_length=16, choices=Role.choices)
    on_behalf_of = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        help_text=_("The organisation the hat answers to (e.g. UNDP for the Resident Representative)."),
    )
    terms_of_reference = models.TextField(
        _("terms of reference"), blank=True,
        help_text=_("The current version's text, duties marked [[duty_code|words]] (registry.terms); written by "
                    "registry.services.terms_of_reference_write, which keeps every version."),
    )
    responsibilities = models.JSONField(
        _("responsibilities"), default=list, blank=True,
        help_text=_("Topics for search and display; the rules read the duties marked in the terms of reference."),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["post_id", "role"]
        constraints = [models.UniqueConstraint(fields=["post", "role"], name="unique_hat_per_post")]

    def __str__(self):
        return f"{self.post} as {self.get_role_display()}"


class TermsOfReference(Classified):
    """One version of a hat's terms of reference, kept with its date and author (the hat's text is the latest);
    duties are marked inside the text (registry.terms). Seed 003 §2.4.3 and rec. 3.5.4: specific terms of
    reference per hat; seed 000 §IV.E.1: inter-mission cooperation in a DSRSG's terms."""

    PARENT_FIELD = "hat"  # read only with its hat (accounts.access.visible)
    MISSION_FIELD = "hat__post__mission"

    hat = models.ForeignKey(Hat, on_delete=models.CASCADE, related_name="terms_versions")
    version = models.PositiveIntegerField(_("version"))
    text = models.TextField(_("terms of reference"))
    duties = models.JSONField(_("duties marked"), default=list, blank=True)
    valid_from = models.DateField(_("in force from"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                               related_name="+", verbose_name=_("written by"))
    note = models.CharField(_("what changed"), max_length=300, blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["hat_id", "-version"]
        constraints = [models.UniqueConstraint(fields=["hat", "version"], name="unique_terms_version")]

    def __str__(self):
        return f"{self.hat} v{self.version}"


class Person(SecuredRecord, SourcedRecord):
    """A person; names of staff are often confidential, hence the classification."""

    name = models.CharField(_("name"), max_length=200)
    nationality = models.ForeignKey(Country, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = _("people")
        indexes = [models.Index(fields=["owning_mission", "classification"])]

    def __str__(self):
        return self.name


class Assignment(Classified):
    """A person holding a post for a period."""

    PARENT_FIELD = "post"  # read only with its parent (accounts.access.visible)

    MISSION_FIELD = "post__mission"

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="assignments")
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="assignments")
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["post_id", "-start_date"]

    def clean(self):
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date is before the start date.")})


class ReportingLine(Classified):
    """A typed line from a post to the post or organisation it reports to."""

    PARENT_FIELD = "from_post"  # read only with its parent (accounts.access.visible)

    MISSION_FIELD = "from_post__mission"

    class Kind(models.TextChoices):
        DIRECT = "direct", _("Direct")
        DOTTED = "dotted", _("Dotted")
        COORDINATION = "coordination", _("Coordination")
        POLITICAL_GUIDANCE = "political_guidance", _("Political guidance")
        BUDGET = "budget", _("Budget")

    from_post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="lines_up")
    to_post = models.ForeignKey(Post, on_delete=models.CASCADE, null=True, blank=True, related_name="lines_down")
    to_organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, null=True, blank=True, related_name="reporting_lines"
    )
    kind = models.CharField(_("kind"), max_length=24, choices=Kind.choices)
    note = models.CharField(_("note"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["from_post_id", "kind"]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(to_post__isnull=False, to_organisation__isnull=True)
                           | models.Q(to_post__isnull=True, to_organisation__isnull=False)),
                name="reporting_line_has_one_target",
            )
        ]

    def __str__(self):
        target = self.to_post or self.to_organisation
        return f"{self.from_post} -{self.kind}-> {target}"

    def clean(self):
        if bool(self.to_post_id) == bool(self.to_organisation_id):
            raise ValidationError({"to_post": _("Give exactly one of a post or an organisation to report to.")})
        # Coordination runs both ways by nature; every other kind of line is a hierarchy.
        if self.to_post_id and self.kind != self.Kind.COORDINATION:
            others = ReportingLine.objects.filter(kind=self.kind, to_post__isnull=False).exclude(pk=self.pk)
            edges = others.values_list("from_post_id", "to_post_id")
            if closes_cycle(edges, (self.from_post_id, self.to_post_id)):
                raise ValidationError({"to_post": _("This line would close a cycle of %(kind)s reporting lines.")
                                       % {"kind": self.get_kind_display().lower()}})


class MissionArea(SourcedRecord):
    """A mission's area of responsibility, or a sector inside it, over a period.

    Built from admin areas (their P-codes are kept; the shape is their union) or from an imported
    polygon. A place belongs to the missions whose area covers it on the day (rule and fallback in
    ``peaceops.incidents.areas``). Not classified: a mission's area is what its neighbours must
    know to tell whose side of a line something happened on (seed 000 §III.C.1).
    """

    MISSION_FIELD = "mission"

    class Kind(models.TextChoices):
        AREA = "area", _("Area of responsibility")
        SECTOR = "sector", _("Sector")

    mission = models.ForeignKey(Mission, on_delete=models.CASCADE, related_name="areas")
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices, default=Kind.AREA)
    parent = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True, related_name="sectors",
                               help_text=_("For a sector: the mission area it divides."))
    admin_areas = models.ManyToManyField(
        AdminArea, blank=True, related_name="mission_areas",
        help_text=_("The admin areas (P-codes) the area is made of, if built from them."))
    geometry = models.JSONField(_("shape (GeoJSON)"))
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    history = HistoricalRecords(m2m_fields=[admin_areas])

    class Meta:
        ordering = ["mission__acronym", "kind", "name", "valid_from"]
        indexes = [models.Index(fields=["mission", "kind", "valid_from"])]

    def __str__(self):
        return f"{self.mission.acronym}: {self.name}"

