"""The pose model: a side-view figure described by a few angles, and its props.

Pure data and the numbers that give it meaning (body proportions, joint
limits, prop kinds); ``pose_kinematics`` turns a :class:`Pose` into points and
``poses`` loads the files.

Conventions (figure units: the standing figure is 1.8 tall, the ground is
``y = 0``; ``x`` grows towards the way the figure faces, ``y`` grows up):

* Limb segments (``thigh``, ``shin``, ``upper_arm``, ``forearm``) have an
  absolute angle in degrees measured from *straight down*; positive swings the
  segment towards the front. ``0`` hangs down, ``90`` points forward, ``-90``
  points back, ``180`` points straight up.
* Spine segments (``torso``, ``neck``) are measured from *straight up*;
  positive leans forward. ``0`` is upright, ``90`` is horizontal with the head
  forward (all fours, prone), ``-90`` is horizontal with the head behind
  (lying on the back).
* ``spine`` bends the torso: positive rounds the back (flexion), negative
  arches it. ``foot`` is relative to the shin: ``0`` is a right angle, positive
  points the toes.
* An angle that is not given takes the neutral standing value; a shin or a
  forearm that is not given continues its thigh or upper arm in a straight
  line, and the neck continues the upper back.

Limbs come in a ``near`` (drawn in front) and a ``far`` (drawn behind) copy;
an unprefixed limb name sets both.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

# -- body proportions (figure units; the standing figure is 1.8 tall) ----------

#: Lengths of the segments between joints.
LENGTHS: dict[str, float] = {
    "lower_torso": 0.25,  # hip joint to waist
    "upper_torso": 0.29,  # waist to the base of the neck
    "shoulder_drop": 0.06,  # base of the neck down to the shoulder joint
    "neck": 0.08,
    "head_offset": 0.11,  # top of the neck to the centre of the head
    "thigh": 0.43,
    "shin": 0.43,
    "upper_arm": 0.30,
    "forearm": 0.25,
    "hand_offset": 0.06,  # wrist to the centre of the hand
    "heel_back": 0.05,  # ankle to heel, along the sole
    "toe_forward": 0.17,  # ankle to toe, along the sole
    "sole_drop": 0.06,  # ankle down to the sole line
}

#: Half-thickness of the body at each key point, for drawing and for finding
#: the lowest point of the figure (what rests on the ground).
RADII: dict[str, float] = {
    "pelvis": 0.115,
    "waist": 0.1,
    "chest": 0.115,
    "shoulder": 0.052,
    "neck": 0.045,
    "head": 0.12,
    "knee": 0.058,
    "ankle": 0.04,
    "heel": 0.03,
    "toe": 0.03,
    "elbow": 0.042,
    "wrist": 0.032,
    "hand": 0.042,
}

#: The thigh's drawn half-thickness at the hip (narrower than the pelvis it hangs from).
THIGH_ROOT = 0.08

SIDES = ("near", "far")
#: Limb segments; each exists on the near and the far side.
LIMB_SEGMENTS = ("thigh", "shin", "foot", "upper_arm", "forearm")
#: Every angle field of a :class:`Pose`.
ANGLE_FIELDS = ("torso", "spine", "neck") + tuple(
    f"{side}_{segment}" for side in SIDES for segment in LIMB_SEGMENTS
)
#: The limb segments that can be foreshortened (pointing towards the viewer).
FORESHORTEN_SEGMENTS = tuple(f"{side}_{segment}" for side in SIDES for segment in LIMB_SEGMENTS)

#: Names of the key points :func:`key_points` returns.
KEY_POINTS = (
    "pelvis",
    "waist",
    "chest",
    "shoulder",
    "neck",
    "head",
) + tuple(
    f"{side}_{joint}"
    for side in SIDES
    for joint in ("knee", "ankle", "heel", "toe", "elbow", "wrist", "hand")
)

#: Key points a limb can be made to reach (``reach = { near_hand = "near_knee" }``):
#: a hand or an ankle bends its elbow or knee to get there; an elbow or a knee
#: only aims its upper arm or thigh.
REACH_EFFECTORS = tuple(
    f"{side}_{joint}" for side in SIDES for joint in ("hand", "elbow", "ankle", "knee")
)

#: Bounds for the plain numbers of a pose.
ANGLE_RANGE = (-180.0, 180.0)
POSITION_RANGE = (-5.0, 5.0)
SHRUG_RANGE = (-0.05, 0.1)
FORESHORTEN_RANGE = (0.15, 1.0)

#: Anatomical limits, in degrees, checked when a pose is loaded. A limb whose
#: child segment is foreshortened below ``_FORESHORTEN_FREE`` points out of the
#: picture, so its bend cannot be judged in 2D and is not checked.
LIMITS = {
    "spine": (-60.0, 90.0),  # arching .. rounding
    "neck": (-80.0, 100.0),  # relative to the upper back
    "hip": (-60.0, 170.0),  # thigh relative to the lower back: extension .. flexion
    "knee": (-10.0, 165.0),  # 0 straight; positive bends the heel back
    "elbow": (-10.0, 165.0),  # 0 straight; positive bends the hand forward
    "foot": (-45.0, 90.0),  # relative to the shin: flexing .. pointing
}
_FORESHORTEN_FREE = 0.8
#: How far (figure units) a pose with an explicit ``y`` may dip below the ground.
GROUND_TOLERANCE = 0.03

# -- props ---------------------------------------------------------------------

#: kind -> (default width, default height, what it is)
PROP_KINDS: dict[str, tuple[float, float, str]] = {
    "mat": (1.9, 0.02, "exercise mat lying on the floor; x is its centre"),
    "chair": (0.44, 0.44, "chair; x is the centre of the seat, height the seat height, "
              "backrest behind (on the -x side) unless flip = true"),
    "table": (1.0, 0.74, "table or desk; x is its centre, height the top surface"),
    "step": (0.5, 0.45, "solid knee-high step or box; x is its centre"),
    "box": (0.55, 0.7, "solid box two to three feet high; x is its centre"),
    "bench": (1.2, 0.45, "bench with legs; x is its centre"),
    "wall": (0.12, 2.1, "wall; x is the surface the figure touches, the wall lies on the "
             "+x side of it (in front of a right-facing figure) unless flip = true"),
    "ball": (0.65, 0.65, "stability ball; x is its centre, width its diameter"),
    "bar": (0.07, 1.0, "pull-up bar seen end-on, held out from an upright on a bracket; x is "
            "its centre, height the bar's height, width its thickness; the upright stands "
            "in front of it (on the +x side) unless flip = true"),
    "block": (0.23, 0.15, "yoga block lying on the floor; x is its centre"),
    "pencil": (0.18, 0.02, "pencil on the floor; x is its centre"),
    "ankle_weights": (0.0, 0.0, "cuffs drawn on both ankles (no position)"),
}

HIGHLIGHT_SIDES = ("near", "far")
FACINGS = ("right", "left")
VIEWS = ("side",)
CUE_KINDS = ("path", "circle")

#: What the body rests on in the hold pose (``posture = "supine"``). The
#: geometric checks in ``tests/core/test_pose_geometry.py`` hold each posture
#: to its meaning, and to the words of the exercise's steps.
POSTURES: dict[str, str] = {
    "standing": "on the feet (one or both); nothing else on the floor",
    "sitting": "the seat on a chair or on the floor",
    "kneeling": "a knee on the floor, the torso upright",
    "all_fours": "on the hands or forearms and the knees",
    "plank": "on the hands or forearms and the feet (or shins on a ball), hips off the floor",
    "supine": "lying on the back (on the floor or a table)",
    "prone": "lying face down (on the floor, a table or a ball)",
    "side_lying": "lying on one side",
    "hanging": "hands on a bar, the body hanging from it",
}


class PoseError(ValueError):
    """A pose file is missing, unreadable or has an invalid entry."""


# -- data ----------------------------------------------------------------------


@dataclass(frozen=True)
class Pose:
    """One posture of the side-view figure.

    ``x``/``y`` place the ``anchor`` key point (the pelvis unless said
    otherwise); ``y = None`` rests the figure's lowest point on the ground.
    ``neck``, the shins and the forearms may be ``None``: they then continue
    their parent segment (the upper back, the thigh, the upper arm).
    """

    x: float = 0.0
    y: float | None = None
    anchor: str = "pelvis"
    torso: float = 0.0
    spine: float = 0.0
    neck: float | None = None
    shrug: float = 0.0
    near_thigh: float = 0.0
    near_shin: float | None = None
    near_foot: float = 0.0
    near_upper_arm: float = 0.0
    near_forearm: float | None = None
    far_thigh: float = 0.0
    far_shin: float | None = None
    far_foot: float = 0.0
    far_upper_arm: float = 0.0
    far_forearm: float | None = None
    #: (segment, length factor) pairs, sorted; a factor below 1 draws a limb
    #: pointing towards or away from the viewer.
    foreshorten: tuple[tuple[str, float], ...] = ()

    def angle(self, name: str) -> float:
        """An angle with the continuation defaults applied."""
        value = getattr(self, name)
        if value is not None:
            return float(value)
        if name == "neck":
            return self.torso + self.spine / 2
        side, segment = name.split("_", 1)
        parent = {"shin": "thigh", "forearm": "upper_arm"}[segment]
        return self.angle(f"{side}_{parent}")

    def length_factor(self, segment: str) -> float:
        return dict(self.foreshorten).get(segment, 1.0)

    def resolved(self) -> "Pose":
        """The same pose with every continuation default written out."""
        return replace(self, **{name: self.angle(name) for name in ANGLE_FIELDS})


NEUTRAL = Pose()


@dataclass(frozen=True)
class Prop:
    """A piece of furniture or equipment, in figure units."""

    kind: str
    x: float = 0.0
    y: float = 0.0
    width: float = 0.0
    height: float = 0.0
    flip: bool = False
    hold_x: float | None = None
    hold_y: float | None = None
    #: Where the prop is half way, when it moves unevenly (a ball rolling in slowly, then fast).
    via_x: float | None = None
    via_y: float | None = None

    def at(self, t: float) -> "Prop":
        """The prop ``t`` of the way from its start to its hold position."""
        if self.via_x is not None or self.via_y is not None:
            # Without a hold position the prop comes back to where it started.
            via = replace(self, x=self.x if self.via_x is None else self.via_x,
                          y=self.y if self.via_y is None else self.via_y, via_x=None, via_y=None,
                          hold_x=self.x if self.hold_x is None else self.hold_x,
                          hold_y=self.y if self.hold_y is None else self.hold_y)
            if t >= 0.5:
                return via.at(2 * t - 1)
            return replace(self, hold_x=via.x, hold_y=via.y, via_x=None, via_y=None).at(2 * t)
        if self.hold_x is None and self.hold_y is None:
            return self
        t = min(1.0, max(0.0, t))
        hx = self.x if self.hold_x is None else self.hold_x
        hy = self.y if self.hold_y is None else self.hold_y
        return replace(
            self, x=self.x + (hx - self.x) * t, y=self.y + (hy - self.y) * t,
            hold_x=None, hold_y=None,
        )

    def bounds(self) -> tuple[float, float, float, float] | None:
        """(left, bottom, right, top), or None for props that follow the figure."""
        if self.kind == "ankle_weights":
            return None
        if self.kind == "wall":
            left, right = (self.x - self.width, self.x) if self.flip else (self.x, self.x + self.width)
            return (left, self.y, right, self.y + self.height)
        if self.kind == "bar":
            r = self.width / 2
            upright = self.x + (-BAR_UPRIGHT if self.flip else BAR_UPRIGHT)
            return (min(self.x - r, upright - 0.03), 0.0, max(self.x + r, upright + 0.03),
                    self.y + self.height + BAR_UPRIGHT_ABOVE)
        if self.kind == "chair":
            back = self.x + (self.width / 2 if self.flip else -self.width / 2)
            return (min(back, self.x - self.width / 2) - 0.03, self.y,
                    max(back, self.x + self.width / 2) + 0.03, self.y + self.height + CHAIR_BACK)
        return (self.x - self.width / 2, self.y, self.x + self.width / 2, self.y + self.height)


#: How far a chair's backrest rises above its seat.
CHAIR_BACK = 0.42
#: How far a bar's upright stands from the bar, and how far above it it reaches.
BAR_UPRIGHT = 0.6
BAR_UPRIGHT_ABOVE = 0.1


@dataclass(frozen=True)
class Cue:
    """A motion hint drawn beside the figure.

    ``path``: the trajectory of key point ``at`` from the start to the hold
    pose, with an arrow head (``offset`` pushes it away from the body).
    ``circle``: a circular arrow around key point ``at`` (``radius``).
    """

    kind: str
    at: str
    radius: float = 0.17
    offset: float = 0.12


