/**
 * The demo people ([Local sign-in](../../../docs/reference/architecture.md#local-sign-in)). Sign-in names are a contract: the README lists them
 * and tests sign in with them. Object ids are fixed GUIDs so tokens and stored references stay valid
 * across restarts.
 */
import type { Person } from "../../schemas/reference/person";
import { DISTRICTS } from "./districts";

const LEAD_OIDS: Record<string, string> = {
  ashford: "ebc1e39c-ce20-5ecc-a88c-cc9b84103a99",
  canterbury: "9028e3b0-e181-5fc5-afc0-1989272a8bd5",
  dartford: "0c700c98-edc7-5700-a2de-ae010f9dd6d4",
  dover: "a34e9dd4-6a9d-5cb2-a373-2a9ec36ac300",
  "folkestone-and-hythe": "0880af26-29b1-54ca-ac4c-833caa9726a1",
  gravesham: "f097366f-202f-58ec-a6d1-4b94c1627dfb",
  maidstone: "94cc8915-9bb8-5f0d-a77e-8091e3f78d0c",
  sevenoaks: "10c6aff0-d642-5a99-a107-a546ef3d8fb7",
  swale: "7e3d5687-63d9-5c0b-a072-9483eda06b97",
  thanet: "9c35e656-ac06-5f54-aaaf-34336479ff08",
  "tonbridge-and-malling": "e34db2e1-fc02-5918-a03c-46164d9dc374",
  "tunbridge-wells": "32de2a20-1535-57e7-a886-2446e71be408",
};

const LEAD_NAMES: Record<string, string> = {
  ashford: "Priya Sharma",
  canterbury: "Tom Whitfield",
  dartford: "Grace Okafor",
  dover: "Helen Marsh",
  "folkestone-and-hythe": "Owen Clarke",
  gravesham: "Sunita Gill",
  maidstone: "James Pellow",
  sevenoaks: "Rachel Dunn",
  swale: "Mark Ellison",
  thanet: "Fiona Reid",
  "tonbridge-and-malling": "David Hart",
  "tunbridge-wells": "Claire Benton",
};

export const DEMO_PEOPLE: readonly Person[] = [
  {
    oid: "ba390f28-47d9-57bd-ae36-3032e14f48a3",
    upn: "commissioner@lift.local",
    displayName: "Alex Morgan",
    role: "commissioner",
  },
  ...DISTRICTS.map(
    (d): Person => ({
      oid: LEAD_OIDS[d.slug] ?? "",
      upn: `lead.${d.slug}@lift.local`,
      displayName: LEAD_NAMES[d.slug] ?? `${d.name} lead`,
      role: "district_lead",
      districtSlug: d.slug,
    }),
  ),
  {
    oid: "b11bc9f2-df69-50f8-aac7-fed91b6aeb27",
    upn: "teacher.dover@lift.local",
    displayName: "Sam Patel",
    role: "specialist_teacher",
    districtSlug: "dover",
  },
  // The countywide teams take referrals directly and work in every district; each member keeps a
  // home district for everything else (meetings, the People list's district index).
  {
    oid: "b4314768-08d2-5b2b-996a-07567b6b74da",
    upn: "teacher.sensory@lift.local",
    displayName: "Nadia Hussain",
    role: "specialist_teacher",
    districtSlug: "maidstone",
    countyTeam: "sensory",
  },
  {
    oid: "5476b15f-98bf-5351-bbfc-fe96d13c0673",
    upn: "teacher.physical@lift.local",
    displayName: "Ben Ashworth",
    role: "specialist_teacher",
    districtSlug: "canterbury",
    countyTeam: "physical-disability",
  },
  {
    oid: "6e9a3b96-5bb2-5d26-a408-9aba1d933f2a",
    upn: "senco.dover@lift.local",
    displayName: "Jo Bennett",
    role: "senco",
    districtSlug: "dover",
    settingId: "DOV-P1",
  },
  {
    oid: "209850a5-df58-57f3-afca-10958c0deb01",
    upn: "senco.thanet@lift.local",
    displayName: "Chris Doyle",
    role: "senco",
    districtSlug: "thanet",
    settingId: "THA-P1",
  },
];
